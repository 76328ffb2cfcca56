/// The Deployment most cases patch.
let baseDeployment = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  labels:
    a: "1"
    b: "2"
  finalizers: [f1, f2]
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  template:
    metadata:
      labels:
        app: x
    spec:
      containers:
      - name: a
        image: a
        args: [x, y]
        env:
        - name: E1
          value: "1"
        - name: E2
          value: "2"
      - name: b
        image: b
      - name: c
        image: c
"""
