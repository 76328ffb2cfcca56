import KubeModel

/// The StatefulSet wording of the patch engine's kind-agnostic "this patch replaced a list and
/// lost items" report, for the one list where that loses storage: `spec.volumeClaimTemplates`
/// (Kubernetes forbids changing claim templates later, so a claim lost here is lost for good).
public enum ClaimTemplateLoss {
    /// The message for a replaced-list report on a StatefulSet's claim templates; nil for any
    /// other list (its generic message stands).
    public static func message(resource: String, list: String?, item: String?, lostFields: [String]) -> String? {
        guard list == StatefulSetView.claimTemplatesSpec.path.joined(separator: "."), let item else { return nil }
        let what = "\(resource): the patch replaced spec.volumeClaimTemplates (a list kustomize cannot merge)"
        if lostFields.isEmpty { return "\(what) and dropped claim \"\(item)\"" }
        return "\(what); claim \"\(item)\" lost \(lostFields.joined(separator: ", "))"
    }
}
