window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1", "full_text": "@bob Thanks! How did you fix it?", "created_at": "Wed Oct 10 20:19:24 +0000 2018",
    "in_reply_to_status_id_str": "7", "in_reply_to_screen_name": "bob",
    "entities": {"hashtags": [], "user_mentions": [{"screen_name": "bob"}], "urls": []}}},
  {"tweet": {"id_str": "2", "full_text": "Part two of my thread", "in_reply_to_status_id_str": "3",
    "in_reply_to_screen_name": "me_myself", "entities": {}}},
  {"tweet": {"id_str": "3", "full_text": "RT @carol: big news", "entities": {}}}
]
