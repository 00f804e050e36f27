-- What a sum is (issue 14): for kind 'money', the short phrase from the sum's own sentence that
-- says what it is ("£5bn savings target", "£78m contract"); NULL when the sentence does not say,
-- for organisations, and on rows tagged before this column existed (`briefing retag` fills it).
ALTER TABLE story_entities ADD COLUMN context TEXT;
