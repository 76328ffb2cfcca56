import Editing
import KubeModel
import Manifests
import Overlays
import StatefulSetChecks
import YAML

// The names an embedder spells, from the modules below the library. Importing
// `StsKustomize` alone is enough to build, check and diff; nothing is re-exported wholesale.

public typealias BuildOptions = Overlays.BuildOptions
public typealias BuildWarning = Overlays.BuildWarning
public typealias LoadRestrictor = Manifests.LoadRestrictor
public typealias FileSystem = Manifests.FileSystem
public typealias FileEntryType = Manifests.FileEntryType
public typealias DiskFileSystem = Manifests.DiskFileSystem
public typealias MemoryFileSystem = Manifests.MemoryFileSystem
public typealias Diagnostic = YAML.Diagnostic
public typealias ParseLimits = YAML.ParseLimits
public typealias Resource = KubeModel.Resource
public typealias ResourceMap = KubeModel.ResourceMap
public typealias ResourceID = KubeModel.ResourceID
public typealias GVK = KubeModel.GVK
public typealias CheckReport = StatefulSetChecks.CheckReport
public typealias Finding = StatefulSetChecks.Finding
public typealias FindingsRenderer = StatefulSetChecks.FindingsRenderer
public typealias ManifestDiff = StatefulSetChecks.ManifestDiff
public typealias DiffRenderer = StatefulSetChecks.DiffRenderer
public typealias KustomizationEdit = Editing.KustomizationEdit
public typealias KustomizationFile = Editing.KustomizationFile
public typealias EditError = Editing.EditError
public typealias PatchEntry = Editing.PatchEntry
public typealias GeneratorFlags = Editing.GeneratorFlags
public typealias KustomizationCreation = Editing.KustomizationCreation
public typealias SharedParseCache = Manifests.SharedParseCache
public typealias AccumulationCache = Overlays.AccumulationCache
public typealias PathName = Manifests.PathName
public typealias ResourceRef = StatefulSetChecks.ResourceRef
public typealias ValueText = StatefulSetChecks.ValueText
