from django.urls import path

from rollbook.web.exchange import views

app_name = "exchange"
TOKENS = "schools/<int:urn>/exchange/tokens/"
urlpatterns = [
    path(TOKENS, views.tokens, name="tokens"),
    path(f"{TOKENS}<int:token_id>/revoke/", views.revoke, name="revoke"),
]
