import Foundation
import YAML

// Measures the YAML layer: parse throughput (and parse + emit) on one multi-document file.
// usage: yaml-bench FILE [--rounds N] [--emit]   |   yaml-bench --generate OUT MB
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

guard args.count >= 2 else { fail("usage: yaml-bench FILE [--rounds N] [--emit] | --generate OUT MB | --roundtrip FILE") }
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
let emit = args.contains("--emit")
var best = Double.infinity
var docCount = 0
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let docs = try YAMLParser().parse(bytes: bytes, file: args[1])
        docCount = docs.count
        if emit {
            let sink = OutputSink()
            for d in docs { try YAMLEmitter().emit(d, into: sink) }
        }
    } catch { fail("\(error)") }
    let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, secs)
}
let mb = Double(bytes.count) / 1_048_576
print(String(format: "%@: %.1f MiB, %d documents, best of %d: %.3f s, %.1f MiB/s%@",
             args[1], mb, docCount, rounds, best, mb / best, emit ? " (parse + emit)" : " (parse)"))
