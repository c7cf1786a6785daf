"""`python -m accdesk COMMAND`: the command line without loading Qt."""

import sys

from accdesk.cli import main

sys.exit(main())
