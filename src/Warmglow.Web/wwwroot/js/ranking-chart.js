// Horizontal bar chart of combined scores with the shortlist threshold as a line.
(function () {
    const data = JSON.parse(document.getElementById('ranking-data').textContent);
    const thresholdLine = {
        id: 'threshold',
        afterDatasetsDraw(chart) {
            const x = chart.scales.x.getPixelForValue(data.threshold);
            const { top, bottom } = chart.chartArea;
            const ctx = chart.ctx;
            ctx.save();
            ctx.strokeStyle = '#7c2d12';
            ctx.setLineDash([6, 4]);
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, bottom); ctx.stroke();
            ctx.restore();
        }
    };
    new Chart(document.getElementById('ranking-chart'), {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [{
                label: 'Combined score',
                data: data.scores,
                backgroundColor: data.shortlisted.map(s => s ? '#15803d' : '#9ca3af')
            }]
        },
        options: {
            indexAxis: 'y', maintainAspectRatio: false, animation: false,
            scales: { x: { min: 0, max: 100 } },
            plugins: { legend: { display: false } }
        },
        plugins: [thresholdLine]
    });
})();
