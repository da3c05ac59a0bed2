import FazhiCore
import Foundation
import Logging

/// Structured logs: one JSON object a line on standard error (time in China time, level, label, message,
/// metadata such as the request id), ready for any log collector.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    public init(label: String, level: Logger.Level) { self.label = label; self.logLevel = level }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(level: event.level, message: event.message, extra: event.metadata)
    }

    func write(level: Logger.Level, message: Logger.Message, extra: Logger.Metadata?) {
        var fields: [String: String] = [
            "time": ChinaTime.iso(Date()), "level": level.rawValue, "label": label, "message": message.description,
        ]
        for (k, v) in metadata.merging(extra ?? [:], uniquingKeysWith: { $1 }) { fields[k] = "\(v)" }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
