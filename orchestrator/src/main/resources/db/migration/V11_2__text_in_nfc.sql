-- Text is stored in Unicode NFC from now on (issue 11): names saved in decomposed form (NFD) by some Windows and
-- macOS tools looked the same but compared different, so re-importing an NFC file reported them as changed.
-- Codes and room-system addresses are ASCII by validation and need nothing.
UPDATE site
   SET name_vi       = normalize(name_vi, NFC),
       contact_name  = normalize(contact_name, NFC),
       contact_phone = normalize(contact_phone, NFC),
       contact_email = normalize(contact_email, NFC)
 WHERE name_vi IS NOT NFC NORMALIZED
    OR contact_name IS NOT NFC NORMALIZED
    OR contact_phone IS NOT NFC NORMALIZED
    OR contact_email IS NOT NFC NORMALIZED;
UPDATE room_system SET name = normalize(name, NFC) WHERE name IS NOT NFC NORMALIZED;
