/// Go's `sort.Sort` (Go 1.19 and later: pattern-defeating quicksort), step for step. It is not
/// stable, and kustomize sorts its field-spec tables with it: which of two specs of one GVK
/// comes first, and so which one a later merge keeps, is whatever this algorithm leaves. Any
/// other sort agrees only where there are no ties.
extension Array {
    /// Sorts in place exactly as Go's `sort.Sort` does with `less` as `Less` and `swapAt` as `Swap`.
    public mutating func goSort(by less: (Element, Element) -> Bool) {
        let n = count
        guard n > 1 else { return }
        withoutActuallyEscaping(less) { less in
            let sorter = GoPDQSort(less: less)
            withUnsafeMutableBufferPointer { buffer in
                sorter.pdqsort(buffer, 0, n, limit: Int.bitWidth - n.leadingZeroBitCount)
            }
        }
    }
}

/// The functions of Go's `sort/zsortinterface.go`, on a buffer.
private struct GoPDQSort<Element> {
    let less: (Element, Element) -> Bool

    private enum Hint { case unknown, increasing, decreasing }

    private func lt(_ d: UnsafeMutableBufferPointer<Element>, _ i: Int, _ j: Int) -> Bool { less(d[i], d[j]) }

    func insertionSort(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) {
        var i = a + 1
        while i < b {
            var j = i
            while j > a && lt(d, j, j - 1) {
                d.swapAt(j, j - 1)
                j -= 1
            }
            i += 1
        }
    }

    private func siftDown(_ d: UnsafeMutableBufferPointer<Element>, _ lo: Int, _ hi: Int, _ first: Int) {
        var root = lo
        while true {
            var child = 2 * root + 1
            if child >= hi { return }
            if child + 1 < hi && lt(d, first + child, first + child + 1) { child += 1 }
            if !lt(d, first + root, first + child) { return }
            d.swapAt(first + root, first + child)
            root = child
        }
    }

    private func heapSort(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) {
        let first = a, lo = 0, hi = b - a
        var i = (hi - 1) / 2
        while i >= 0 {
            siftDown(d, i, hi, first)
            i -= 1
        }
        i = hi - 1
        while i >= 0 {
            d.swapAt(first, first + i)
            siftDown(d, lo, i, first)
            i -= 1
        }
    }

    func pdqsort(_ d: UnsafeMutableBufferPointer<Element>, _ a0: Int, _ b0: Int, limit limit0: Int) {
        let maxInsertion = 12
        var a = a0, b = b0, limit = limit0
        var wasBalanced = true, wasPartitioned = true
        while true {
            let length = b - a
            if length <= maxInsertion {
                insertionSort(d, a, b)
                return
            }
            if limit == 0 {
                heapSort(d, a, b)
                return
            }
            if !wasBalanced {
                breakPatterns(d, a, b)
                limit -= 1
            }
            var (pivot, hint) = choosePivot(d, a, b)
            if hint == .decreasing {
                reverseRange(d, a, b)
                pivot = (b - 1) - (pivot - a)
                hint = .increasing
            }
            if wasBalanced && wasPartitioned && hint == .increasing {
                if partialInsertionSort(d, a, b) { return }
            }
            if a > 0 && !lt(d, a - 1, pivot) {
                a = partitionEqual(d, a, b, pivot)
                continue
            }
            let (mid, alreadyPartitioned) = partition(d, a, b, pivot)
            wasPartitioned = alreadyPartitioned
            let leftLen = mid - a, rightLen = b - mid
            let balanceThreshold = length / 8
            if leftLen < rightLen {
                wasBalanced = leftLen >= balanceThreshold
                pdqsort(d, a, mid, limit: limit)
                a = mid + 1
            } else {
                wasBalanced = rightLen >= balanceThreshold
                pdqsort(d, mid + 1, b, limit: limit)
                b = mid
            }
        }
    }

    private func partition(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
        d.swapAt(a, pivot)
        var i = a + 1, j = b - 1
        while i <= j && lt(d, i, a) { i += 1 }
        while i <= j && !lt(d, j, a) { j -= 1 }
        if i > j {
            d.swapAt(j, a)
            return (j, true)
        }
        d.swapAt(i, j)
        i += 1
        j -= 1
        while true {
            while i <= j && lt(d, i, a) { i += 1 }
            while i <= j && !lt(d, j, a) { j -= 1 }
            if i > j { break }
            d.swapAt(i, j)
            i += 1
            j -= 1
        }
        d.swapAt(j, a)
        return (j, false)
    }

    private func partitionEqual(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int, _ pivot: Int) -> Int {
        d.swapAt(a, pivot)
        var i = a + 1, j = b - 1
        while true {
            while i <= j && !lt(d, a, i) { i += 1 }
            while i <= j && lt(d, a, j) { j -= 1 }
            if i > j { break }
            d.swapAt(i, j)
            i += 1
            j -= 1
        }
        return i
    }

    private func partialInsertionSort(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) -> Bool {
        let maxSteps = 5, shortestShifting = 50
        var i = a + 1
        for _ in 0..<maxSteps {
            while i < b && !lt(d, i, i - 1) { i += 1 }
            if i == b { return true }
            if b - a < shortestShifting { return false }
            d.swapAt(i, i - 1)
            if i - a >= 2 {
                var j = i - 1
                while j >= 1 {
                    if !lt(d, j, j - 1) { break }
                    d.swapAt(j, j - 1)
                    j -= 1
                }
            }
            if b - i >= 2 {
                var j = i + 1
                while j < b {
                    if !lt(d, j, j - 1) { break }
                    d.swapAt(j, j - 1)
                    j += 1
                }
            }
        }
        return false
    }

    private func breakPatterns(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) {
        let length = b - a
        guard length >= 8 else { return }
        var random = UInt64(length)
        let modulus = UInt(1) << UInt(Int.bitWidth - length.leadingZeroBitCount)
        var idx = a + (length / 4) * 2 - 1
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13
            random ^= random >> 7
            random ^= random << 17
            var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
            if other >= length { other -= length }
            d.swapAt(idx, a + other)
            idx += 1
        }
    }

    private func choosePivot(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) -> (Int, Hint) {
        let shortestNinther = 50, maxSwaps = 4 * 3
        let l = b - a
        var swaps = 0
        var i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3
        if l >= 8 {
            if l >= shortestNinther {
                i = median(d, i - 1, i, i + 1, &swaps)
                j = median(d, j - 1, j, j + 1, &swaps)
                k = median(d, k - 1, k, k + 1, &swaps)
            }
            j = median(d, i, j, k, &swaps)
        }
        switch swaps {
        case 0: return (j, .increasing)
        case maxSwaps: return (j, .decreasing)
        default: return (j, .unknown)
        }
    }

    private func order2(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
        if lt(d, b, a) {
            swaps += 1
            return (b, a)
        }
        return (a, b)
    }

    private func median(_ d: UnsafeMutableBufferPointer<Element>, _ a0: Int, _ b0: Int, _ c0: Int, _ swaps: inout Int) -> Int {
        var (a, b) = order2(d, a0, b0, &swaps)
        var c = c0
        (b, c) = order2(d, b, c, &swaps)
        (a, b) = order2(d, a, b, &swaps)
        _ = (a, c)
        return b
    }

    private func reverseRange(_ d: UnsafeMutableBufferPointer<Element>, _ a: Int, _ b: Int) {
        var i = a, j = b - 1
        while i < j {
            d.swapAt(i, j)
            i += 1
            j -= 1
        }
    }
}
