// The API docs page (/api/docs): "Try it out" runs in the browser with the session cookie, and Warmglow refuses
// cookie-authenticated API writes without X-Requested-With (a cross-site form cannot send it). Same-origin requests
// from this page send it; requests with a bearer token do not need it.
(function () {
    const original = window.fetch;
    if (!original) return;
    window.fetch = function (input, init) {
        const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
        if (url.origin === window.location.origin) {
            init = Object.assign({}, init);
            const headers = new Headers(init.headers || (typeof input === 'string' ? undefined : input.headers));
            if (!headers.has('X-Requested-With')) headers.set('X-Requested-With', 'XMLHttpRequest');
            init.headers = headers;
        }
        return original.call(this, input, init);
    };
})();
