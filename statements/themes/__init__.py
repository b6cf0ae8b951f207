"""The theme taxonomy: its data (taxonomy.json), loader, rule compiler and rule preview."""
