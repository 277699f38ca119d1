// Charts of the measurement dashboards. Each <canvas data-chart="..."> reads its data from the JSON script whose id is in
// data-source; every chart also has a table alternative in the page. Instances are kept on window.warmglowCharts
// (the browser test checks them).
(function () {
    const palette = ['#0f766e', '#b45309', '#4338ca', '#be123c', '#15803d', '#7c3aed'];
    window.warmglowCharts = window.warmglowCharts || [];
    const read = canvas => JSON.parse(document.getElementById(canvas.dataset.source).textContent);
    const base = { animation: false, maintainAspectRatio: false, responsive: true };

    const builders = {
        distribution(data) {
            return {
                type: 'bar',
                data: { labels: data.labels, datasets: [{ label: 'Partnerships', data: data.counts, backgroundColor: '#0f766e' }] },
                options: { ...base, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } }
            };
        },
        categories(data) {
            return {
                type: 'bar',
                data: { labels: data.labels, datasets: [{ label: 'Category score (0–100)', data: data.scores, backgroundColor: data.labels.map((_, i) => palette[i % palette.length]) }] },
                options: { ...base, indexAxis: 'y', scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } }
            };
        },
        trend(data) {
            return {
                type: 'line',
                data: {
                    labels: data.dates,
                    datasets: [
                        { label: data.name, data: data.values, borderColor: '#0f766e', backgroundColor: '#0f766e', pointRadius: data.beforeLaunch.map(b => b ? 5 : 3), pointStyle: data.beforeLaunch.map(b => b ? 'rectRot' : 'circle'), tension: 0.2 },
                        { label: 'Target', data: data.dates.map(() => data.target), borderColor: '#b45309', borderDash: [6, 4], pointRadius: 0 },
                        { label: 'Baseline', data: data.dates.map(() => data.baseline), borderColor: '#6b7280', borderDash: [2, 3], pointRadius: 0 }
                    ]
                },
                options: { ...base, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } }
            };
        },
        health(data) {
            return {
                type: 'line',
                data: { labels: data.periods, datasets: data.series.map((s, i) => ({ label: s.name, data: s.values, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], spanGaps: true })) },
                options: { ...base, scales: { y: { min: 0, max: 100 } }, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } }
            };
        }
    };

    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        const build = builders[canvas.dataset.chart];
        if (build) window.warmglowCharts.push(new Chart(canvas, build(read(canvas))));
    });
})();
