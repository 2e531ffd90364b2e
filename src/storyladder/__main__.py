from storyladder.cli.main import run

run()
