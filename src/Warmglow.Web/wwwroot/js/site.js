// Behaviour every page shares, without inline script or style attributes (the Content-Security-Policy allows neither):
//   <form data-confirm="Delete this?">       asks before submitting
//   <input data-select-on-click>             selects its text on click (copy a link)
//   <button data-print>                      prints the page
//   <select data-autosubmit>                 submits its form on change
//   data-style-width="42%" / data-style-height="200px"   sizes set through the CSSOM (bars, chart boxes)
(function () {
    function apply(root) {
        root.querySelectorAll('[data-style-width]').forEach(function (el) { el.style.width = el.dataset.styleWidth; });
        root.querySelectorAll('[data-style-height]').forEach(function (el) { el.style.height = el.dataset.styleHeight; });
    }
    document.addEventListener('submit', function (e) {
        const form = e.target.closest && e.target.closest('form[data-confirm]');
        if (form && !window.confirm(form.dataset.confirm)) { e.preventDefault(); e.stopImmediatePropagation(); }
    }, true);
    document.addEventListener('click', function (e) {
        const target = e.target.closest && e.target.closest('[data-select-on-click], [data-print]');
        if (!target) return;
        if (target.hasAttribute('data-print')) window.print();
        else target.select();
    });
    document.addEventListener('change', function (e) {
        if (e.target.matches && e.target.matches('[data-autosubmit]') && e.target.form) e.target.form.submit();
    });
    apply(document);
    // Content htmx swaps in (filtered lists) gets the same treatment.
    document.addEventListener('htmx:load', function (e) { apply(e.target); });
})();
