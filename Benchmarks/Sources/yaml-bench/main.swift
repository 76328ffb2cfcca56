import CYAML
import Foundation
import YAML

// Measures the YAML layer: parse throughput (and parse + emit) on one multi-document file.
// usage: yaml-bench FILE [--rounds N] [--emit] [--serial] [--libyaml]   |   yaml-bench --generate OUT MB
let args = CommandLine.arguments
func fail(_ msg: String) -> Never {
    FileHandle.standardError.write((msg + "\n").data(using: .utf8)!)
    exit(2)
}

if args.count >= 4 && args[1] == "--generate" {
    guard let mb = Int(args[3]) else { fail("--generate OUT MB") }
    var out = ""
    var i = 0
    while out.utf8.count < mb << 20 {
        out += """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db-\(i)
          labels: {app: db-\(i), tier: data}
        spec:
          serviceName: db-\(i)-headless
          replicas: 3
          selector:
            matchLabels:
              app: db-\(i)
          template:
            metadata:
              labels:
                app: db-\(i)
            spec:
              containers:
              - name: main
                image: "postgres:16.\(i % 10)"
                args: ["--port", "5432", "--verbose"]
                env:
                - name: PGDATA
                  value: /var/lib/postgresql/data/pgdata
                - name: POD_NAME
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.name
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                  limits: {memory: 2Gi}
                volumeMounts:
                - name: data
                  mountPath: /var/lib/postgresql/data
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 10Gi
        ---

        """
        i += 1
    }
    do { try out.write(toFile: args[2], atomically: true, encoding: .utf8) } catch { fail("\(error)") }
    exit(0)
}

guard args.count >= 2 else { fail("usage: yaml-bench FILE [--rounds N] [--emit] [--serial] [--libyaml] | --generate OUT MB | --roundtrip FILE") }
if args[1] == "--roundtrip" {
    guard args.count >= 3, let data = FileManager.default.contents(atPath: args[2]) else { fail("cannot read file") }
    do {
        let docs = try YAMLParser().parse(bytes: [UInt8](data), file: args[2])
        var out: [UInt8] = []
        for (i, d) in docs.enumerated() {
            if i > 0 { out += Array("---\n".utf8) }
            out += try YAMLEmitter().emit(d)
        }
        FileHandle.standardOutput.write(Data(out))
    } catch { fail("\(error)") }
    exit(0)
}
guard let data = FileManager.default.contents(atPath: args[1]) else { fail("cannot read \(args[1])") }
let bytes = [UInt8](data)
var rounds = 5
if let i = args.firstIndex(of: "--rounds"), i + 1 < args.count, let n = Int(args[i + 1]) { rounds = n }
/// libyaml's own event loop over the bytes, building nothing: the floor under any parser on libyaml.
func libyamlEventLoop(_ bytes: UnsafeBufferPointer<UInt8>) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { fail("libyaml: cannot initialise") }
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
        let end = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if end { break }
    }
    yaml_parser_delete(&parser)
}

/// Seconds for libyaml's event loop over the whole input, on one thread or over the same
/// pieces the parser cuts, on all cores.
func timeLibyaml(_ bytes: [UInt8], concurrent: Bool) -> Double {
    bytes.withUnsafeBufferPointer { buf in
        let start = DispatchTime.now().uptimeNanoseconds
        if concurrent {
            let pieces = YAMLParser().pieces(of: buf)
            _ = Parallel.map(pieces.count) { libyamlEventLoop(pieces[$0].bytes) }
        } else {
            libyamlEventLoop(buf)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

let emit = args.contains("--emit")
// --serial keeps the parse on one thread; by default large inputs are parsed piecewise on all cores.
let parser = args.contains("--serial") ? YAMLParser(concurrentThreshold: .max) : YAMLParser()
var best = Double.infinity
var docCount = 0
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    var docs: [Node] = []
    do {
        docs = try parser.parse(bytes: bytes, file: args[1])
        if emit {
            let sink = OutputSink()
            for d in docs { try YAMLEmitter().emit(d, into: sink) }
        }
    } catch { fail("\(error)") }
    // Freeing the trees is not part of parsing; it happens after the clock stops.
    let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    docCount = docs.count
    best = min(best, secs)
}
let mb = Double(bytes.count) / 1_048_576
if args.contains("--libyaml") {
    for concurrent in [false, true] {
        let floor = (0..<rounds).map { _ in timeLibyaml(bytes, concurrent: concurrent) }.min() ?? .infinity
        print(String(format: "%@: libyaml event loop alone, best of %d: %.3f s, %.1f MiB/s = %.1f MB/s (%@)",
                     args[1], rounds, floor, mb / floor, Double(bytes.count) / 1e6 / floor,
                     concurrent ? "all cores" : "one thread"))
    }
}
let mode = args.contains("--serial") ? "one thread" : "all cores"
print(String(format: "%@: %.1f MiB, %d documents, best of %d: %.3f s, %.1f MiB/s = %.1f MB/s%@",
             args[1], mb, docCount, rounds, best, mb / best, Double(bytes.count) / 1e6 / best,
             emit ? " (parse + emit, \(mode))" : " (parse, \(mode))"))
