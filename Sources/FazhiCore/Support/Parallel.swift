import Foundation

/// Work split over the machine's cores (an import's rows prepared, a page of the record re-hashed): the parts run at
/// once on their own threads and the results come back in the parts' order.
public enum Parallel {
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform(i)` for every i in 0..<parts, in order.
    public static func map<T: Sendable>(parts: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard parts > 1 else { return (0..<max(0, parts)).map(transform) }
        let slots = Slots<T>(parts)
        DispatchQueue.concurrentPerform(iterations: parts) { i in slots.put(i, transform(i)) }
        return slots.values
    }

    /// The same, for work that can fail: the first part's error (in the parts' order) is thrown.
    public static func tryMap<T: Sendable>(parts: Int, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
        try map(parts: parts) { i in Result { try transform(i) } }.map { try $0.get() }
    }
}

/// One result slot per part: each thread writes only its own slot (separate memory), read after all have finished.
private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutableBufferPointer<T?>
    init(_ n: Int) {
        base = .allocate(capacity: n)
        base.initialize(repeating: nil)
    }
    func put(_ i: Int, _ value: T) { base[i] = value }
    var values: [T] { base.map { $0! } }
    deinit { base.deinitialize().deallocate() }
}
