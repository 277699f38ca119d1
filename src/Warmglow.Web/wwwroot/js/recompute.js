// Show progress while the recompute runs (the button stays disabled until the page returns with the result).
document.getElementById('recompute-form')?.addEventListener('submit', function () {
    const b = document.getElementById('recompute-btn');
    b.disabled = true; b.textContent = 'Recomputing…';
});
