// Runs before first paint so the page never flashes the wrong theme.
// Its sha256 is allowed by the Content-Security-Policy (see proxy.ts).
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})();`;
