-- A representative offers the job seeker of a conversation one of the stand's interview slots
-- (issue 19): a message of the company's side carries the slot, and the job seeker books it
-- herself on the booking page. A slot deleted with its stand leaves the message as text.
ALTER TABLE booth_messages ADD COLUMN slot_id BIGINT REFERENCES interview_slots (id) ON DELETE SET NULL;
-- Deleting a slot finds the messages that offered it.
CREATE INDEX booth_messages_slot ON booth_messages (slot_id) WHERE slot_id IS NOT NULL;
