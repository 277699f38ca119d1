// Behaviour every page shares, without inline script or style attributes (the Content-Security-Policy allows neither):
//   <form data-confirm="Delete this?">       asks before submitting
//   <input data-select-on-click>             selects its text on click (copy a link)
//   <button data-print>                      prints the page
//   <select data-autosubmit>                 submits its form on change
//   data-style-width="42%" / data-style-height="200px"   sizes set through the CSSOM (bars, chart boxes)
//   every form                               its submit button is disabled and marked busy while the request runs
//                                            (data-busy-text="Loading demo data…" replaces its label meanwhile)
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
    // A submitted form's button waits for the answer: disabled (after the submit, so its own name/value still goes
    // with the form), aria-busy, and a spinner or its busy text. A new page (or the back button) starts fresh.
    document.addEventListener('submit', function (e) {
        if (e.defaultPrevented) return;
        const form = e.target;
        const button = e.submitter || form.querySelector('[type=submit]');
        if (!button || form.hasAttribute('data-no-busy') || form.hasAttribute('hx-get') || form.hasAttribute('hx-post')) return;
        setTimeout(function () {
            button.disabled = true;
            button.setAttribute('aria-busy', 'true');
            const spinner = document.createElement('span');
            spinner.className = 'spinner-border spinner-border-sm ms-2';
            spinner.setAttribute('aria-hidden', 'true');
            if (button.dataset.busyText) button.textContent = button.dataset.busyText;
            button.appendChild(spinner);
        }, 0);
    });
    window.addEventListener('pageshow', function (e) {
        if (!e.persisted) return;
        document.querySelectorAll('button[aria-busy=true]').forEach(function (b) {
            b.disabled = false; b.removeAttribute('aria-busy'); b.querySelector('.spinner-border')?.remove();
        });
    });
    apply(document);
    // Content htmx swaps in (filtered lists) gets the same treatment.
    document.addEventListener('htmx:load', function (e) { apply(e.target); });
})();
