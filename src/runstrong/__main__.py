from runstrong.cli import main

main()
