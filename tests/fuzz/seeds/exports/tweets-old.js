window.YTD.tweet.part0 = [
  {"id_str": "5", "text": "@ana Merci ! Tu peux expliquer ?", "created_at": "Mon Jan 01 08:00:00 +0000 2024", "in_reply_to_screen_name": "ana", "retweeted": false}
]
