import Dispatch

/// Work spread over all cores, the one place that does it.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, run side by side; results in index order.
    ///
    /// Each call writes only its own slot of the result, so the buffer needs no lock; that is
    /// the one promise the `nonisolated(unsafe)` captures below rely on. `body` must not
    /// mutate state shared between indices.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        return withoutActuallyEscaping(body) { body in
            let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            slots.initialize(repeating: nil)
            defer {
                slots.deinitialize()
                slots.deallocate()
            }
            nonisolated(unsafe) let work = body
            nonisolated(unsafe) let out = slots
            DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = work(i) }
            return slots.map { $0! }
        }
    }
}
