from tigang.cli import main

main()
