/// A growable stack whose top run of elements can be moved out as an exactly sized array,
/// without retaining and releasing each element on the way.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    @inline(__always)
    func push(_ element: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    subscript(i: Int) -> Element {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    /// The last index at or after `base` whose element satisfies `match`.
    @inline(__always)
    func lastIndex(from base: Int, where match: (Element) -> Bool) -> Int? {
        var i = count - 1
        while i >= base {
            if match(storage[i]) { return i }
            i -= 1
        }
        return nil
    }

    /// Moves the elements from `base` to the top out into a new array.
    func popArray(from base: Int) -> [Element] {
        let n = count - base
        if n == 0 { return [] }
        let start = storage + base
        count = base
        var result: [Element] = []
        result.reserveCapacity(n)
        for i in 0..<n { result.append((start + i).move()) }
        return result
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }
}
