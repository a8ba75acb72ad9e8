"""The directory as Open Referral HSDS 3.1: its records (records.py), read by the export file and
by the HSDS API at /api/hsds/ (views.py), so both hold the same records under the same ids."""
