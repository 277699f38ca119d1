// Health dimensions (0–100) and NPS (−100..100) per quarter; the page has a table with the same figures.
(function () {
    const data = JSON.parse(document.getElementById('survey-data').textContent);
    const colors = ['#1d4ed8', '#15803d', '#b45309', '#7c3aed', '#be123c'];
    const datasets = data.series.map((s, i) => ({ label: s.label, data: s.data, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length], spanGaps: true, yAxisID: 'y' }));
    datasets.push({ label: 'NPS', data: data.nps, borderColor: '#111827', backgroundColor: '#111827', borderDash: [6, 4], spanGaps: true, yAxisID: 'nps' });
    new Chart(document.getElementById('survey-chart'), {
        type: 'line',
        data: { labels: data.labels, datasets },
        options: {
            maintainAspectRatio: false, animation: false,
            scales: {
                y: { min: 0, max: 100, title: { display: true, text: 'Dimension (0–100)' } },
                nps: { position: 'right', min: -100, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: 'NPS' } }
            }
        }
    });
})();
