import FazhiCore
import Foundation

/// A table a procedure keeps beside its cases for the portal (e.g. the 文件库 of 规范性文件): updated in the transaction of
/// every step of its procedure, so it never disagrees with the cases.
public struct CaseProjection: Sendable {
    public let procedure: String
    /// The case after its step, with the deployment's settings (the periods an alert waits for).
    public let apply: @Sendable (CaseFile, ProcedureSettings, WriteTransaction) async throws -> Void
    /// Many new cases at once (the bulk import), in multi-row statements.
    public let applyMany: @Sendable ([CaseFile], ProcedureSettings, WriteTransaction) async throws -> Void

    public init(
        procedure: String,
        apply: @escaping @Sendable (CaseFile, ProcedureSettings, WriteTransaction) async throws -> Void,
        applyMany: (@Sendable ([CaseFile], ProcedureSettings, WriteTransaction) async throws -> Void)? = nil
    ) {
        self.procedure = procedure; self.apply = apply
        self.applyMany = applyMany ?? { files, s, tx in for f in files { try await apply(f, s, tx) } }
    }
}
