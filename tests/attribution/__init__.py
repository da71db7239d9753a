"""Rules of bot.attribution, each shown on a short hand-written article."""
