/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localizedMetadata");

const urlDev = "https://localhost:3000/";
const urlProd = "https://localhost:3000/"; // Replace with the deployment address before publishing.

/** Every file under src/functions that declares custom functions feeds the metadata generator. */
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions"))
  .filter((name) => name.endsWith(".ts"))
  .map((name) => `./src/functions/${name}`)
  .filter((file) => /@customfunction\b/.test(fs.readFileSync(path.join(__dirname, file), "utf8")))
  .sort();

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.includes("serve");
  return {
    devtool: "source-map",
    entry: {
      // Shared runtime: the taskpane page also hosts the custom functions.
      taskpane: ["./src/taskpane/index.tsx", ...functionFiles],
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // `--env transpileOnly`: the test build (npm test type-checks the project with tsc first).
          use: { loader: "ts-loader", options: { transpileOnly: Boolean(env && env.transpileOnly), compilerOptions: { module: "es2020" } } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        locale: "zh-CN",
        tablesDir: path.join(__dirname, "src/functions/locale"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name]" + "[ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions() },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
};
