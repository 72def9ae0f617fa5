import { expect } from '@open-wc/testing'
import { renderMarkdown } from '../../client/markdown/render-markdown.js'

const rendered = (body: string) => {
  const host = document.createElement('div')
  host.innerHTML = renderMarkdown(body)
  return host
}

describe('a message body in Markdown', () => {
  it('renders bold, italics, code, code blocks, quotes and lists', () => {
    const host = rendered('**bold** _italic_ `code`\n\n```\nblock\n```\n\n> quoted\n\n- one\n- two\n\n1. first')
    expect(host.querySelector('strong')?.textContent).to.equal('bold')
    expect(host.querySelector('em')?.textContent).to.equal('italic')
    expect(host.querySelector('p code')?.textContent).to.equal('code')
    expect(host.querySelector('pre code')?.textContent).to.equal('block\n')
    expect(host.querySelector('blockquote')?.textContent?.trim()).to.equal('quoted')
    expect(host.querySelectorAll('ul li').length).to.equal(2)
    expect(host.querySelectorAll('ol li').length).to.equal(1)
  })

  it('keeps http links as links that open outside the app', () => {
    const link = rendered('[Campfire](https://once.com/campfire)').querySelector('a')
    expect(link?.getAttribute('href')).to.equal('https://once.com/campfire')
    expect(link?.getAttribute('rel')).to.contain('noopener')
    expect(link?.getAttribute('target')).to.equal('_blank')
  })

  it('shows a script tag as text and never runs it', () => {
    const host = rendered('<script>window.pwned = true</script>')
    expect(host.querySelector('script')).to.equal(null)
    expect(host.textContent).to.contain('<script>window.pwned = true</script>')
  })

  it('shows an image with an event handler as text, with no element to fire it', () => {
    const host = rendered('look <img src=x onerror="window.pwned = true"> here')
    expect(host.querySelector('img')).to.equal(null)
    expect(host.querySelector('[onerror]')).to.equal(null)
    expect(host.textContent).to.contain('onerror')
  })

  it('strips javascript: and data: URLs from links', () => {
    for (const body of ['[click](javascript:alert(1))', '[click](JaVaScRiPt:alert(1))', '[click](data:text/html,<script>alert(1)</script>)', '<javascript:alert(1)>']) {
      const host = rendered(body)
      for (const link of host.querySelectorAll('a')) expect(link.getAttribute('href') ?? '', body).not.to.match(/^(javascript|data):/i)
    }
  })

  it('escapes HTML inside code spans once, not twice', () => {
    expect(rendered('`<b>`').querySelector('code')?.textContent).to.equal('<b>')
  })
})
