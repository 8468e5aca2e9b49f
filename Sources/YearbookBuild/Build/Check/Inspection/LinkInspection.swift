import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// The links an inspection reads: `http://` to a site that serves HTTPS, and a link whose
/// text is a bare web address, which tells a reader (and a screen reader) nothing. A site
/// is known to serve HTTPS without asking the network: it is the site's own (`site_url`
/// with https), a government site (`.gov.cn`, which the national norms require to offer
/// HTTPS), or linked with https:// elsewhere in the site.
package enum LinkInspection {
  package static func run(documents: [ContentPath: DocumentFacts], config: SiteConfig) -> [Diagnostic] {
    let links = documents.values.flatMap(\.outsideLinks)
    var secureHosts = Set(links.filter { $0.url.hasPrefix("https://") }.compactMap { host(of: $0.url) })
    if let origin = config.origin, origin.hasPrefix("https://"), let own = host(of: origin) { secureHosts.insert(own) }
    var found: [Diagnostic] = []
    for link in links {
      if link.url.hasPrefix("http://"), let host = host(of: link.url),
        secureHosts.contains(host) || host.hasSuffix(".gov.cn") || host == "gov.cn"
      {
        found.append(.warning(.plainHTTPLink(link.url, secure: "https://" + link.url.dropFirst(7)), at: link.location))
      }
      let text = link.text.trimmed.lowercased()
      if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") {
        found.append(.warning(.bareURLLinkText(), at: link.location))
      }
    }
    return found
  }

  /// Every other site the content links to, with its number of links, most linked first.
  package static func hosts(documents: [ContentPath: DocumentFacts]) -> [(host: String, links: Int)] {
    let counts = Dictionary(grouping: documents.values.flatMap(\.outsideLinks).compactMap { host(of: $0.url) }) { $0 }
      .mapValues(\.count)
    return counts.map { (host: $0.key, links: $0.value) }.sorted { ($1.links, $0.host) < ($0.links, $1.host) }
  }

  static func host(of url: String) -> String? {
    URLComponents(string: url)?.host?.lowercased()
  }
}
