from council_prep.launch import main

main()
