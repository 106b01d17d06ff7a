from council_prep.cli import main

main()
