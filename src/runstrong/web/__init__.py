"""The web app (issue 16): an ASGI app made by `app.create_app`, served by `runstrong serve`.

Another entry point beside the CLI: each request is authenticated (auth), its Settings built
for the signed-in account, and the same services the CLI calls do the work. The REST API is
under /api/v1 (api_accounts, api_athletes), its OpenAPI document at /api/openapi.json.
"""
