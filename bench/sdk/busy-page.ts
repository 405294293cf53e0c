// The page both SDK benchmarks record: 1,000 rows of a div and 9 spans
// (10,000 elements), and `mutate()`, one step of steady change: it rewrites
// 50 spans' text, toggles a class on 20 rows, appends a row and removes the
// oldest (72 mutation records). `random` names the page's random function:
// Math.random, or a seeded one where runs must repeat exactly.
export function busyPageBody(random: string, then: string): string {
  return `<main id="grid"></main><script>
${random === 'Math.random' ? '' : 'let seed = 42;\nconst random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };\n'}const grid = document.getElementById('grid');
const row = (n) => { const d = document.createElement('div'); d.className = 'row';
  for (let j = 0; j < 9; j++) { const s = document.createElement('span'); s.textContent = 'cell ' + n + '.' + j; d.appendChild(s); }
  return d; };
let next = 0;
for (; next < 1000; next++) grid.appendChild(row(next));
const spans = grid.getElementsByTagName('span');
const mutate = () => {
  for (let i = 0; i < 50; i++) spans[(${random}() * spans.length) | 0].textContent = 'v' + ${random}().toString(36).slice(2, 8);
  for (let i = 0; i < 20; i++) grid.children[(${random}() * grid.children.length) | 0].classList.toggle('hot');
  grid.appendChild(row(next++));
  grid.firstElementChild.remove();
};
${then}
</script>`;
}
