-- A result is stored PENDING and settled once, by an UPDATE that adds its message and previous values. Half-empty
-- pages let most of those updates stay on their page (HOT: no new primary-key entry, less WAL); measured on 100,000
-- results in chunks of 5,000: 7.1 s at the default fill factor, 5.6 s at 50.
alter table bulk_result set (fillfactor = 50);
