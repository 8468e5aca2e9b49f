import Foundation
import YearbookCore
import YearbookModel

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A workbook part's XML as a small tree: element names without their namespace prefix,
/// attributes likewise, and the text directly inside each element.
package final class WorkbookXML {
  package let name: String
  package let attributes: [String: String]
  package var children: [WorkbookXML] = []
  package var text = ""

  package init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  package func child(_ name: String) -> WorkbookXML? { children.first { $0.name == name } }
  package func children(_ name: String) -> [WorkbookXML] { children.filter { $0.name == name } }

  /// Every `<t>` below, joined: a shared string or an inline string with rich-text runs
  /// (`<r><t>…</t></r>`), leaving out phonetic guides (`<rPh>`).
  package var runText: String {
    if name == "t" { return text }
    if name == "rPh" { return "" }
    return children.map(\.runText).joined()
  }

  package static func localName(_ name: String) -> String {
    name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
  }

  /// Parses `data`; nil when it is not well-formed XML. Document type declarations are
  /// refused, so no entity can expand.
  package static func parse(_ data: Data) -> WorkbookXML? {
    // Workbook parts are UTF-8; Foundation's XMLParser traps on a name or value that is
    // not (found by fuzzing), so such a part is refused before it is parsed.
    guard String(validating: data, as: UTF8.self) != nil else { return nil }
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    guard parser.parse(), !builder.sawDoctype else { return nil }
    return builder.root
  }

  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: WorkbookXML?
    var stack: [WorkbookXML] = []
    var sawDoctype = false

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      var local: [String: String] = [:]
      for (key, value) in attributes { local[WorkbookXML.localName(key)] = value }
      let element = WorkbookXML(name: WorkbookXML.localName(elementName), attributes: local)
      if let parent = stack.last { parent.children.append(element) } else { root = element }
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }

    func parser(
      _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
    ) {
      sawDoctype = true
      parser.abortParsing()
    }

    func parser(
      _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
      sawDoctype = true
      parser.abortParsing()
    }
  }
}
