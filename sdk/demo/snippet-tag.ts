// The one-line snippet from the spec, with the script URL and the init
// argument (a key, or { projectKey, endpoint }) filled in.
export function snippetTag(
  sdkUrl: string,
  initArg: string | { projectKey: string; endpoint?: string },
): string {
  const arg = JSON.stringify(initArg).replace(/</g, '\\u003c');
  const src = JSON.stringify(sdkUrl).replace(/</g, '\\u003c');
  return `<script>(function(w,d,s,k){w.GoSight=w.GoSight||{q:[]};w.GoSight.q.push(['init',k]);var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=1;j.src=${src};f.parentNode.insertBefore(j,f);})(window,document,'script',${arg});</script>`;
}
