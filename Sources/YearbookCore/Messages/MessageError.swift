/// An error that carries its sentence for the editor, so it is shown in the reader's language.
public protocol MessageError: Error, CustomStringConvertible {
  var message: Message { get }
}

extension MessageError {
  public var description: String { message.english }
}

extension Message {
  /// What went wrong, in the catalogue's words when the error has them.
  public static func describing(_ error: Error) -> Message {
    (error as? MessageError)?.message ?? .systemReason("\(error)")
  }
}
