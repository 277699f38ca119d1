// Shows upload progress for the CSV import form, then swaps in the server's answer.
(function () {
    const form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest) return;
    form.addEventListener('submit', function (e) {
        e.preventDefault();
        const box = document.getElementById('import-progress');
        const bar = box.querySelector('.progress-bar');
        box.classList.remove('d-none');
        const xhr = new XMLHttpRequest();
        xhr.open('POST', form.action || window.location.href);
        xhr.upload.addEventListener('progress', function (ev) {
            if (!ev.lengthComputable) return;
            const pct = Math.round(100 * ev.loaded / ev.total);
            bar.style.width = pct + '%';
            box.setAttribute('aria-valuenow', String(pct));
        });
        xhr.addEventListener('load', function () {
            document.open();
            document.write(xhr.responseText);
            document.close();
        });
        xhr.send(new FormData(form));
    });
})();
