from tigang.entry import main

main()
