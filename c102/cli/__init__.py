"""The ``c102`` command: one module per subcommand, each loading heavy code only when run."""
