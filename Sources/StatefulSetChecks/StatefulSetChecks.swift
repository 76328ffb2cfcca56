// StatefulSet findings and update-safety diffs: see issue 5.
