import FazhiCore
import Foundation

/// A table a procedure keeps beside its cases for the portal (e.g. the 文件库 of 规范性文件): updated in the transaction of
/// every step of its procedure, so it never disagrees with the cases.
public struct CaseProjection: Sendable {
    public let procedure: String
    public let apply: @Sendable (CaseFile, WriteTransaction) async throws -> Void

    public init(procedure: String, apply: @escaping @Sendable (CaseFile, WriteTransaction) async throws -> Void) {
        self.procedure = procedure; self.apply = apply
    }
}
