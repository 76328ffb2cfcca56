import StsKustomize

StsKustomizeCommand.main()
