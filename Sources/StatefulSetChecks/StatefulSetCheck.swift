import KubeModel

/// One rule about a StatefulSet; it may report on the StatefulSet or on resources it uses.
public protocol StatefulSetCheck: Sendable {
    func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding]
}
