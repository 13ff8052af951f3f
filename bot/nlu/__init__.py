"""Custom NLU components and rule-based detectors used by the Rasa pipeline."""
