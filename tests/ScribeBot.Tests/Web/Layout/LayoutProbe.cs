namespace ScribeBot.Tests.Web.Layout;

/// <summary>
/// What a person sees go wrong on a page, measured in the browser after layout: the page scrolling sideways, an
/// element sticking out of the viewport (unless it sits in its own scrolling box), a word in a heading, button, label
/// or title broken over lines although it would fit on one line of the page, SVG text drawn smaller than 10 px, and
/// SVG labels drawn over each other. Each finding is one sentence naming the element.
/// </summary>
internal static class LayoutProbe
{
    /// <summary>Headers, buttons and titles: the elements whose words must never be split while they fit.</summary>
    public const string Labels =
        "h1, h2, h3, th, dt, label, button, a.button, header nav a, .badge, .status, .chip, summary, " +
        "table.incidents td, .incident-status span, .feed .author, .pager a";

    /// <summary>The smallest SVG text size, in CSS pixels on screen, that reads on a phone.</summary>
    public const double MinSvgTextPx = 10;

    public static async Task<IReadOnlyList<string>> FindProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(Script, new { labels = Labels, minSvgText = MinSvgTextPx });

    // Words are measured with a Range per word: a word split over lines has client rects on more than one line. It
    // "had to" break only if it is wider than the content box of its card, section or page (a 60-letter word on a
    // phone, or in the editor's draft column), or in a table cell wider than the cell and its 12em floor; anything
    // shorter broke because a cell, flex item or button was squeezed, as "S e n d" and "Severit y" were.
    private const string Script = """
        ({ labels, minSvgText }) => {
            const problems = [];
            const add = text => { if (problems.length < 40) problems.push(text); };
            const vw = window.innerWidth;
            const describe = el => {
                const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
                return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${(el.textContent || '').trim().slice(0, 40)}"`;
            };
            const hidden = el => el.closest('.visually-hidden') !== null;
            const inScrollBox = el => {
                for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
            };

            const root = document.documentElement;
            if (root.scrollWidth > vw) add(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${vw}px viewport`);

            const reported = new Set();
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || hidden(el)) continue;
                if ((r.right > vw + 0.5 || r.left < -0.5) && !inScrollBox(el)) {
                    if (el.parentElement && reported.has(el.parentElement)) { reported.add(el); continue; }
                    reported.add(el);
                    add(`${describe(el)} overflows the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw}px)`);
                }
            }

            const roomFor = el => {
                // A cell of people's text wraps long words in its column, whose CSS floor is 12em.
                const cell = el.closest('td');
                if (cell) {
                    const cs = getComputedStyle(cell);
                    const width = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
                    return Math.max(width, 12 * parseFloat(cs.fontSize));
                }
                const box = el.closest('article, section, .card, main') || document.body;
                const style = getComputedStyle(box);
                return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            };
            for (const el of document.querySelectorAll(labels)) {
                if (hidden(el)) continue;
                const room = roomFor(el);
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const m of node.data.matchAll(/[^\s-]+-?/g)) {
                        if (m[0].length < 2) continue;
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const rects = [...range.getClientRects()].filter(r => r.width > 0);
                        const lines = new Set(rects.map(r => Math.round(r.top)));
                        const width = rects.reduce((sum, r) => sum + r.width, 0);
                        if (lines.size > 1 && width <= room) {
                            add(`"${m[0].slice(0, 40)}" is broken over ${lines.size} lines in ${describe(el)} although it fits in ${Math.round(room)}px`);
                        }
                    }
                }
            }

            for (const svg of document.querySelectorAll('main svg')) {
                const texts = [...svg.querySelectorAll('text')].filter(t => t.getBoundingClientRect().width > 0);
                for (const t of texts) {
                    const m = t.getScreenCTM();
                    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                    if (px < minSvgText) add(`SVG text "${t.textContent.slice(0, 30)}" in <svg.${svg.getAttribute('class')}> is ${px.toFixed(1)}px on screen`);
                }
                const boxes = texts.map(t => [t, t.getBoundingClientRect()]);
                for (let i = 0; i < boxes.length; i++) {
                    for (let j = i + 1; j < boxes.length; j++) {
                        const [a, ra] = boxes[i], [b, rb] = boxes[j];
                        const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 1
                            && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2;
                        if (overlap) add(`SVG labels "${a.textContent.slice(0, 30)}" and "${b.textContent.slice(0, 30)}" overlap in <svg.${svg.getAttribute('class')}>`);
                    }
                }
            }

            return problems;
        }
        """;
}
