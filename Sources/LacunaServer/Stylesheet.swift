import LacunaReports

/// The server's style sheets: the reports' own, then the site's frame and forms.
///
/// Laws: colours keep a contrast of at least 4.5:1 on their backgrounds; focus is always
/// visible; the layout works from 320 px wide.
enum Stylesheet {
    static let site: String = HTMLParts.reportStyle + "\n" + frame + "\n" + (0...100).map { ".w\($0) { width: \($0)%; }" }.joined(separator: " ") + "\n"

    static let matrix: String = HTMLParts.matrixStyle

    static let frame = """
    .skip { position: absolute; left: -10000px; top: 0; background: #fff; padding: 8px 12px; z-index: 10; }
    .skip:focus { left: 8px; }
    header.site { background: #1d2a3a; color: #fff; }
    header.site nav { max-width: 1100px; margin: 0 auto; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; padding: 10px 32px; }
    header.site .brand { font-weight: 700; font-size: 18px; margin-right: 12px; }
    header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; }
    header.site a { color: #fff; text-decoration: none; padding: 4px 2px; border-bottom: 2px solid transparent; }
    header.site a[aria-current="page"] { border-bottom-color: #fff; font-weight: 600; }
    footer.site { max-width: 1100px; margin: 0 auto; padding: 16px 32px 40px; color: #3c4043; font-size: 13px; }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
      outline: 3px solid #0b57d0; outline-offset: 2px; }
    form.tool { display: grid; gap: 14px; max-width: 760px; }
    form.tool > div { min-width: 0; }
    form.tool label { font-weight: 600; display: block; margin-bottom: 4px; }
    form.tool .hint { color: #3c4043; font-size: 13px; font-weight: 400; }
    form.tool textarea { width: 100%; min-height: 180px; font: 14px/1.45 ui-monospace, Menlo, monospace; padding: 8px; border: 1px solid #80868b; border-radius: 4px; }
    form.tool input[type=file], form.tool select, form.tool input[type=text], form.tool input[type=password] {
      font-size: 15px; padding: 6px; border: 1px solid #80868b; border-radius: 4px; max-width: 100%; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; } legend { font-weight: 600; padding: 0 4px; }
    button { font-size: 15px; padding: 8px 18px; background: #0b57d0; color: #fff; border: none; border-radius: 4px; cursor: pointer; justify-self: start; }
    .error { border: 2px solid var(--missing); background: #fdecea; border-radius: 6px; padding: 10px 14px; }
    .downloads { display: flex; flex-wrap: wrap; gap: 8px 16px; padding: 0; list-style: none; }
    .downloads a { display: inline-block; border: 1px solid #0b57d0; border-radius: 4px; padding: 4px 10px; text-decoration: none; }
    details.explain { border-bottom: 1px solid var(--line); padding: 4px 0; }
    details.explain summary { cursor: pointer; padding: 4px 0; }
    details.explain pre { white-space: pre-wrap; word-wrap: break-word; font-size: 13px; background: #fbfbfc; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
    dl.req dt { font-weight: 600; margin-top: 6px; } dl.req dd { margin: 0 0 4px 0; }
    .table-wrap { overflow-x: auto; }
    @media (max-width: 640px) {
      main { padding: 16px 14px 40px; } header.site nav, footer.site { padding-left: 14px; padding-right: 14px; }
      table { font-size: 13px; } th, td { padding: 4px 5px; }
    }
    """
}
