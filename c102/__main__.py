from c102.cli.main import main

raise SystemExit(main())
